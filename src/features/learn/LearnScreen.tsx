import '../../ui/i18n/sections/learn';
/** Placeholder until the Learn screen lands (#5). */
export function LearnScreen() {
  return <section><h1>Learn</h1></section>;
}
