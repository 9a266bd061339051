/** Danish for auth (see ../da.ts). */
export const auth = {} as const
