/**
 * A roster file the size of Bench Retail for the roster import figures: `rows`
 * new people (employee IDs R000001...) spread over its stores S0001..S2000 and
 * six departments, an email for every third and a phone for every fourth, a
 * Spanish speaker in five, quoted names with commas now and then, CRLF as HR
 * systems write. Deterministic. `npx tsx tests/bench/roster-file.ts out.csv [rows]`
 * writes one to look at.
 */
import { writeFile } from 'node:fs/promises';

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hiro', 'Ines', 'Jon', 'Kemi', 'Luis', 'Mia', 'Noor', 'Omar', 'Pia'];
const LAST = ['Smith', 'García', 'Okafor', 'Nguyen', 'Müller', 'Rossi', 'Kowalski', 'Tanaka', 'Silva', "O'Neil", 'Jones', 'Haddad'];
const DEPARTMENTS = ['Sales floor', 'Checkout', 'Stockroom', 'Customer service', 'Fresh food', 'Click and collect'];

export function rosterCsv(rows: number, stores = 2000): string {
  const lines = ['employee_id,first_name,last_name,email,phone,store_code,department,role,language'];
  for (let n = 1; n <= rows; n++) {
    const id = `R${String(n).padStart(6, '0')}`;
    const first = FIRST[n % FIRST.length]!;
    const last = n % 50 === 0 ? `"${LAST[n % LAST.length]}, Jr"` : LAST[n % LAST.length]!;
    const email = n % 3 === 0 ? `${id.toLowerCase()}@roster.bench.test` : '';
    const phone = n % 4 === 0 ? `+1 555 ${String(n).padStart(7, '0')}` : '';
    const store = `S${String(1 + (n % stores)).padStart(4, '0')}`;
    lines.push([id, first, last, email, phone, store, DEPARTMENTS[n % DEPARTMENTS.length], 'staff', n % 5 === 0 ? 'es' : 'en'].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'roster-50k.csv';
  await writeFile(out, rosterCsv(Number(process.argv[3] ?? 50_000)));
  console.log(`wrote ${out}`);
}
