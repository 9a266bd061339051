/** Danish for columns (see ../da.ts). */
export const columns = {} as const
