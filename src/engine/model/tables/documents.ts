import { defineTable, f, labelFields, type RowOf } from '../field.ts'

export const DOCUMENT_TYPES = ['invoice', 'bill_of_lading', 'contract', 'purchase_order'] as const

export const documents = defineTable(
  'documents',
  'DOC',
  'Trade documents between companies: invoices, bills of lading, contracts, purchase orders. Line items are in document_lines. Ordered by issue time.',
  {
    id: f.id(),
    docType: f.enum(DOCUMENT_TYPES, 'Document type.'),
    number: f.text("Issuer's document number."),
    issuerId: f.ref(
      'companies',
      "Issuing company (the seller for invoices, the carrier's shipper for bills of lading).",
    ),
    recipientId: f.ref('companies', 'Receiving company (the buyer).'),
    issuedAt: f.timestamp('Issue time (UTC).'),
    dueOn: f.date('Payment due date (invoices).', { nullable: true }),
    currency: f.text('Currency of the amounts.'),
    totalAmount: f.money('currency', 'Sum of the line amounts.'),
    lineCount: f.int('Number of rows in document_lines.'),
    shipmentRef: f.text('Shipment the goods travel under; bills of lading and invoices for the same goods share it.', {
      nullable: true,
    }),
    originCountry: f.text('Country the goods ship from.', { nullable: true }),
    destinationCountry: f.text('Country the goods ship to.', { nullable: true }),
    relatedDocumentId: f.ref('documents', 'The invoice a bill of lading or purchase order belongs to.', {
      nullable: true,
    }),
    ...labelFields,
  },
  { time: 'issuedAt' },
)

export type DocumentRow = RowOf<typeof documents>

export const documentLines = defineTable(
  'document_lines',
  'DLN',
  'Line items of documents (child table of documents).',
  {
    id: f.id(),
    documentId: f.ref('documents', 'Document the line belongs to.'),
    lineNo: f.int('Position on the document, from 1.'),
    goodsCode: f.text(
      'Goods code (see the goods list in the README); its typical unit price is the benchmark for over/under-invoicing.',
    ),
    description: f.text('Goods description.'),
    hsCode: f.text('Harmonized System code of the goods.'),
    quantity: f.int('Quantity in unit.'),
    unit: f.text('Unit of quantity.'),
    unitPrice: f.money('currency', 'Price per unit.'),
    amount: f.money('currency', 'quantity × unit_price.'),
    currency: f.text("Currency, the document's."),
  },
)

export type DocumentLine = RowOf<typeof documentLines>
