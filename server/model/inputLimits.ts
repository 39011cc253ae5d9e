// The bounds on what the loader and the importers read: a file's size, attributes'
// nesting, XML's nesting. They live in model/ because the record schemas and the
// loader, which import nothing but model/, enforce them; server/config.ts lists them
// with every other cap (README's caps table).

/** A data folder file (entities, claims, documents, proposals) larger than this is refused from its size. */
export const MAX_DATA_FILE_BYTES = 512_000_000;
/** An import's input file larger than this is refused from its size. */
export const MAX_INPUT_FILE_BYTES = 512_000_000;
/** How deep `attributes` may nest objects and arrays. */
export const MAX_ATTRIBUTE_DEPTH = 32;
/** How deep a GEXF or GraphML file's elements may nest (libxml2's default). */
export const MAX_XML_DEPTH = 256;
