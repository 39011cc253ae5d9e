// graphology-gexf and graphology-graphml, bound to the @xmldom/xmldom this project uses.
// Their `node` entry points bundle an older xmldom that only logs malformed XML; binding
// the shared parser factories to ours lets us parse (and report errors) ourselves and
// hand graphology the Document.
import { DOMParser, type Document } from '@xmldom/xmldom';
import type Graph from 'graphology';
import { KeySafeGraph } from '../model/keySafeGraph';
import { XmlDocument } from './xml';

type ParsedGraph = Graph<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
type GraphologyXmlParser = (
  graph: typeof Graph,
  source: Document,
  options?: { addMissingNodes?: boolean },
) => ParsedGraph;
type ParserFactory = (domParser: typeof DOMParser, document: typeof XmlDocument) => GraphologyXmlParser;

// The factories are plain CommonJS files without type declarations; their signatures are above.
const createGexfParser = require('graphology-gexf/common/parser.js') as ParserFactory;
const createGraphmlParser = require('graphology-graphml/common/parser.js') as ParserFactory;

const gexfParser = createGexfParser(DOMParser, XmlDocument);
const graphmlParser = createGraphmlParser(DOMParser, XmlDocument);

export function parseGexfDocument(document: Document): ParsedGraph {
  return gexfParser(KeySafeGraph, document);
}

export function parseGraphmlDocument(document: Document): ParsedGraph {
  return graphmlParser(KeySafeGraph, document);
}

export type { ParsedGraph };
