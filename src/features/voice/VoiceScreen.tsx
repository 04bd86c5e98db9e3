import '../../ui/i18n/sections/voice';
/** Placeholder until the Voice screen lands (#5). */
export function VoiceScreen() {
  return <section><h1>Voice</h1></section>;
}
