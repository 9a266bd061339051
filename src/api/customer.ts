import * as z from 'zod/mini'
import { IdSchema } from './ids.ts'

export const CustomerSummarySchema = z.looseObject({
  _id: IdSchema,
  name: z.nullish(z.string()),
})

/** GET /customer?filter=&offset=&limit= */
export const CustomerListSchema = z.looseObject({
  offset: z.number(),
  limit: z.number(),
  total: z.number(),
  customers: z.array(CustomerSummarySchema),
})
export type CustomerList = z.infer<typeof CustomerListSchema>

/** GET /customer/resellers/list (the reference server's tests; the app lists resellers via GET /customer?resellers=true) */
export const ResellerListSchema = z.array(CustomerSummarySchema)

/** GET /customer/:id/name */
export const CustomerNameSchema = z.looseObject({
  _id: IdSchema,
  name: z.nullish(z.string()),
  parentReseller: z.nullish(IdSchema),
  features: z.nullish(z.array(z.string())),
})
export type CustomerName = z.infer<typeof CustomerNameSchema>
