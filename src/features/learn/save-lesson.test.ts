import { describe, expect, it } from 'vitest';
import { i18nFor, registerMessages } from '../../ui/i18n/i18n';
import learnMessages from '../../ui/i18n/sections/learn';
import { serverProblem } from './save-lesson';

// The router loads the section with its screen; here the test does.
registerMessages(learnMessages);

const { t } = i18nFor('en');
const refused = (details: string, message = 'the server says why') => serverProblem(t, { kind: 'http', status: 400, code: '22023', message, details });

describe('serverProblem', () => {
  it('turns save_lesson detail codes into what to do next', () => {
    expect(refused('version_conflict')).toBe('Someone changed this lesson since you opened it. Go back, sync and edit it again.');
    expect(refused('lesson_archived')).toBe('This lesson was archived and can no longer be edited.');
    expect(refused('unknown_store')).toBe('A store or department you picked no longer exists. Sync and pick again.');
    expect(serverProblem(t, { kind: 'http', status: 403, code: '42501', message: 'Only HR can author lessons', details: 'forbidden' })).toBe(
      'Only HR can author lessons.',
    );
  });

  it("keeps the server's own reason for shape problems the form did not catch", () => {
    expect(refused('invalid_quiz', 'question 2: option ids must be different')).toBe('The server refused the lesson: question 2: option ids must be different');
  });

  it('says nothing was saved when the network is gone', () => {
    expect(serverProblem(t, { kind: 'network', message: 'Failed to fetch' })).toBe('No connection. Nothing was saved; try again when you are online.');
  });
});
