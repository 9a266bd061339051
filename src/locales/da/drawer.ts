/** Danish for drawer (see ../da.ts). */
export const drawer = {} as const
