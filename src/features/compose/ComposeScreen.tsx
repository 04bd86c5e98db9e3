/** Managers and HR: compose, edit and retract briefings, and see who has read them. */
export function ComposeScreen() {
  return <section><h1>Briefings</h1></section>;
}
