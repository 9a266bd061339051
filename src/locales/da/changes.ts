/** Danish for changes (see ../da.ts). */
export const changes = {} as const
