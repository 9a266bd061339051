/** Danish for list (see ../da.ts). */
export const list = {} as const
