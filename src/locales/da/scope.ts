/** Danish for scope (see ../da.ts). */
export const scope = {} as const
