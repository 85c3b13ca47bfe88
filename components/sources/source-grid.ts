/**
 * Column layouts shared by the list's header row and its rows: a table from `xl` up; below it,
 * cards (name and actions on top, then key, status and last event from `md`, stacked when narrower).
 * No `auto` column: the header row is a grid of its own and must get the same widths as the rows.
 */
export const SOURCE_GRID_COLUMNS =
  "md:grid-cols-[minmax(0,1fr)_8rem_9rem] xl:grid-cols-[minmax(10rem,1fr)_minmax(21.5rem,1.3fr)_7.5rem_8.5rem_16rem] xl:gap-x-6";
