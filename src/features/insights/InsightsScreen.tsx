/** HR and managers: compliance dashboard and the audit export. */
export function InsightsScreen() {
  return <section><h1>Reports</h1></section>;
}
