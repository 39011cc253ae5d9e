// A proposal as the API shows it: its document's title and date, its two entities by
// name (existing in the dataset, or new ones the extractor found) and where its quote
// sits in the document's text, so the review panel can highlight it, and which extractor
// proposed it (a proposal journaled before extractors were recorded was the rules').
import type { Dataset } from '../model/dataset';
import type { ProposalEntity, ProposalView } from '../model/reviewApi';
import type { ReviewedProposal } from '../model/journalEntries';

function entityOf(proposal: ReviewedProposal, id: string, dataset: Dataset): ProposalEntity {
  const existing = dataset.entities.get(id);
  if (existing) return { id, name: existing.name, type: existing.type, existing: true };
  const proposed = proposal.newEntities.find((e) => e.id === id);
  return { id, name: proposed?.name ?? id, type: proposed?.type ?? '', existing: false };
}

export function presentProposal(proposal: ReviewedProposal, dataset: Dataset): ProposalView {
  const document = dataset.documents.get(proposal.document);
  const quoteStart = document ? document.text.indexOf(proposal.claim.quote) : -1;
  const view: ProposalView = {
    id: proposal.id,
    status: proposal.status,
    document: { id: proposal.document, title: document?.title ?? '', date: document?.date ?? '' },
    claim: proposal.claim,
    subject: entityOf(proposal, proposal.claim.subject, dataset),
    object: entityOf(proposal, proposal.claim.object, dataset),
    extractor: proposal.extractor ?? 'rules',
    quoteStart,
    quoteEnd: quoteStart === -1 ? -1 : quoteStart + proposal.claim.quote.length,
  };
  if (proposal.decidedAt !== undefined) view.decidedAt = proposal.decidedAt;
  if (proposal.claimId !== undefined) view.claimId = proposal.claimId;
  return view;
}
