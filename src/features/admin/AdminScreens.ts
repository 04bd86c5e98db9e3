/** The admin screens' one chunk (#12): the table of screens loads it on the first visit to any of them. */
export { AdminLogScreen } from './AdminLogScreen';
export { DepartmentsScreen } from './DepartmentsScreen';
export { PeopleScreen } from './PeopleScreen';
export { PersonScreen } from './PersonScreen';
export { StoreScreen, StoresScreen } from './StoresScreen';
