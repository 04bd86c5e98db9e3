/** Cards rendered before "Show more": a phone screen shows a handful, and thousands of cards make every sync slow. */
export const TODAY_PAGE_SIZE = 100;
