import '../../ui/i18n/sections/values';
/** Placeholder until the Values screen lands (#5). */
export function ValuesScreen() {
  return <section><h1>Values</h1></section>;
}
