import { useCallback, useState } from 'react';
import type { CommandFailure } from '../../data/command-core';
import type { LocalBriefing } from '../../data/db';
import type { ContentLanguage } from '../../domain/briefing-language';
import { useSession } from '../session-context';

/**
 * "Read and understood" for a briefing card, and the failure to show. The command
 * (and the schema checks it brings) loads on the first tap, from the precache
 * offline, so the start screen's download stays small.
 */
export function useAcknowledge(): { acknowledge(briefing: LocalBriefing, language: ContentLanguage): void; failure: CommandFailure | null } {
  const { commands } = useSession();
  const [failure, setFailure] = useState<CommandFailure | null>(null);
  const acknowledge = useCallback(
    (briefing: LocalBriefing, language: ContentLanguage) => {
      void import('../../data/briefings/commands')
        .then(({ acknowledgeBriefing }) => acknowledgeBriefing(commands, briefing, language))
        .then((result) => setFailure(result.ok ? null : result));
    },
    [commands],
  );
  return { acknowledge, failure };
}
