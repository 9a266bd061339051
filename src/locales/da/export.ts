/** Danish for export (see ../da.ts). */
export const exportMessages = {} as const
