// The loader's public entry: what the write path (server/store/) may use of it. The
// store writes the journal and proposals.json; reading them back, and every check that
// turns files into a dataset, is the loader's, so the store replays through this entry
// and never reaches into the loader's files (the lint enforces it).
export { datasetOf, loadDataset, type LoadOptions } from './loadDataset';
export { DataIntegrityError, formatFieldPath, formatProblem, type LoadProblem } from './problems';
export { documentIdFromFileName, parseDocument } from './parseDocument';
export { readDataFolder, recordFiles, type Located, type RawData } from './readDataFolder';
export { rawDataOf, recordedWritesOf, type StoredFile, type StoredRecords } from './storedRecords';
export {
  baseContentHash,
  readRecordedWrites,
  replayJournal,
  type JournalReplay,
  type RecordedWrites,
  type ReplayedData,
} from './replayJournal';
export { resolveDataset } from './resolveDataset';
export {
  describeTornTail,
  JOURNAL_FILE,
  journalPath,
  parseJournal,
  readJournal,
  type JournalContents,
  type JournalLine,
  type TornTail,
} from './readJournal';
export { ProposalBook, PROPOSALS_FILE, readProposalBook, readProposalsFile } from './proposalBook';
export { CurationHistory, HISTORY_FILE, readCurationHistory, readHistoryFile } from './curationHistory';
export { findNearestPassage } from './findNearestPassage';
export {
  findOriginal,
  originalFile,
  ORIGINAL_CONTENT_TYPES,
  ORIGINALS_FOLDER,
  type DocumentOriginal,
} from './documentOriginals';
export { parseUsersFile, readUsersFile, USERS_FILE, UsersFileError, usersPath } from './readUsers';
