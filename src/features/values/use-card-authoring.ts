/**
 * HR's changes to the values cards: online calls whose outcome is a value the
 * editor shows in words (its own for the refusals it knows, the shared online
 * problem otherwise). After a change the sync is asked for at once, so
 * this phone's copy (and the editor's list, which reads it) follows; other
 * phones get it at their next sync.
 */
import { useState } from 'react';
import type { OnlineApi } from '../../data/online-api';
import type { RpcFailure } from '../../data/supabase/rpc';
import { type ContentLanguage, otherLanguage } from '../../domain/content-language';
import { examplesFromText, translationOf, type ValueCardDraft } from '../../domain/value-card-draft';
import type { PlainKey } from '../../ui/i18n/messages';
import { useSession } from '../../ui/session-context';
import { type OnlineFailure, onlineFailure } from '../../ui/use-online-call';

export type AuthoringNotice = { kind: 'done'; message: PlainKey } | { kind: 'problem'; message: PlainKey } | { kind: 'online'; failure: OnlineFailure };

const PROBLEM_BY_CODE = new Map<string, PlainKey>([
  ['invalid_order', 'values.edit.problem.order'],
  ['value_card_archived', 'values.edit.problem.archived'],
  ['unknown_value_card', 'values.edit.problem.archived'],
]);

function problem(error: RpcFailure): AuthoringNotice {
  const failure = onlineFailure(error);
  const known = failure.kind === 'failed' && failure.code ? PROBLEM_BY_CODE.get(failure.code) : undefined;
  return known ? { kind: 'problem', message: known } : { kind: 'online', failure };
}

export interface CardAuthoring {
  working: boolean;
  notice: AuthoringNotice | null;
  /** `language`: the card's original's (taken when it is created); the translation is in the other one. */
  save(id: string | null, draft: ValueCardDraft, language: ContentLanguage): Promise<boolean>;
  reorder(ids: string[]): Promise<boolean>;
  archive(id: string): Promise<boolean>;
  clearNotice(): void;
}

export function useCardAuthoring(): CardAuthoring {
  const { api, engine } = useSession();
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<AuthoringNotice | null>(null);

  async function run(call: (online: OnlineApi) => Promise<{ ok: true } | { ok: false; error: RpcFailure }>, done: PlainKey): Promise<boolean> {
    if (!api) {
      setNotice({ kind: 'online', failure: { kind: 'offline' } });
      return false;
    }
    setWorking(true);
    setNotice(null);
    const outcome = await call(api);
    if (outcome.ok) await engine?.requestSync();
    setWorking(false);
    setNotice(outcome.ok ? { kind: 'done', message: done } : problem(outcome.error));
    return outcome.ok;
  }

  return {
    working,
    notice,
    clearNotice: () => setNotice(null),
    save: (id, draft, language) =>
      run(
        (online) =>
          online.call('save_value_card', {
            p_id: id,
            p_title: draft.title.trim(),
            p_statement: draft.statement.trim(),
            p_on_the_floor: draft.onTheFloor.trim(),
            p_examples: examplesFromText(draft.examples),
            p_language: language,
            p_translation: translationOf(draft, otherLanguage(language)),
          }),
        'values.edit.saved',
      ),
    reorder: (ids) => run((online) => online.call('reorder_value_cards', { p_ids: ids }), 'values.edit.reordered'),
    archive: (id) => run((online) => online.call('archive_value_card', { p_id: id }), 'values.edit.archived'),
  };
}
