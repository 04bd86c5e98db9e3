import { useEffect, useState } from 'react';

/** `text` trimmed once typing has paused for `ms`: what a search asks the server for, instead of every keystroke. */
export function useSettledText(text: string, ms = 300): string {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}
