import type { AdminPerson } from '../../data/supabase/types';
import { useT } from '../../ui/i18n/I18nProvider';
import { go } from '../../ui/router/history';
import { personStatus, ROLE_WORDS, STATUS_WORDS } from './admin-words';

export const personPath = (person: AdminPerson) => `/people/${person.id}`;
/** Opening a person keeps their employee ID in the history entry, so their form finds them again after a reload. */
const open = (person: AdminPerson) => go(personPath(person), { note: person.employee_id ?? person.display_name });

function PersonLink({ person }: { person: AdminPerson }) {
  return (
    <a
      href={personPath(person)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        open(person);
      }}
    >
      {person.display_name}
    </a>
  );
}

function Status({ person }: { person: AdminPerson }) {
  const t = useT();
  const status = personStatus(person);
  return <span className={`person-status person-status--${status}`}>{t(STATUS_WORDS[status])}</span>;
}

/** The people found: a table with a column per fact from 1024 px, a card per person on the phone (CSS picks one). */
export function PeopleList({ people }: { people: readonly AdminPerson[] }) {
  const t = useT();
  return (
    <>
      <table className="admin-table people-table" data-testid="people-table">
        <caption className="visually-hidden">{t('admin.people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.col.name')}</th>
            <th scope="col">{t('admin.col.employeeId')}</th>
            <th scope="col">{t('admin.col.store')}</th>
            <th scope="col">{t('admin.col.department')}</th>
            <th scope="col">{t('admin.col.role')}</th>
            <th scope="col">{t('admin.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                <PersonLink person={person} />
              </th>
              <td>{person.employee_id ?? '—'}</td>
              <td>{person.store_name ?? t('admin.noStore')}</td>
              <td>{person.department_name ?? t('admin.noDepartment')}</td>
              <td>{t(ROLE_WORDS[person.role])}</td>
              <td>
                <Status person={person} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="admin-cards people-cards" data-testid="people-cards">
        {people.map((person) => (
          <li key={person.id} className="admin-card">
            <p className="admin-card__title">
              <PersonLink person={person} />
              <Status person={person} />
            </p>
            <p className="muted">
              {[person.employee_id, t(ROLE_WORDS[person.role]), person.store_name ?? t('admin.noStore'), person.department_name].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
