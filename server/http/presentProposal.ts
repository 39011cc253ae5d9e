// A proposal as the API shows it: its document's title and date, its two entities by
// name (existing in the dataset, or new ones the extractor found), where its quote
// sits in the document's text, so the review panel can highlight it, which extractor
// proposed it (a proposal journaled before extractors were recorded was the rules'), and
// its decision: when, by whom, and the ends of the claim it became.
import type { Dataset, ResolvedClaim } from '../model/dataset';
import type { ProposalEntity, ProposalView } from '../model/reviewApi';
import type { ReviewedProposal } from '../model/journalEntries';

function entityOf(proposal: ReviewedProposal, id: string, dataset: Dataset): ProposalEntity {
  const existing = dataset.entities.get(id);
  if (existing) return { id, name: existing.name, type: existing.type, existing: true };
  const proposed = proposal.newEntities.find((e) => e.id === id);
  return { id, name: proposed?.name ?? id, type: proposed?.type ?? '', existing: false };
}

/** The claims accepted proposals became, by id: one pass over the claims for a whole page. */
function acceptedClaims(proposals: readonly ReviewedProposal[], dataset: Dataset): Map<string, ResolvedClaim> {
  const wanted = new Set(proposals.flatMap((p) => (p.claimId !== undefined ? [p.claimId] : [])));
  const found = new Map<string, ResolvedClaim>();
  if (wanted.size === 0) return found;
  for (const claim of dataset.claims) if (wanted.has(claim.id)) found.set(claim.id, claim);
  return found;
}

export function presentProposals(proposals: readonly ReviewedProposal[], dataset: Dataset): ProposalView[] {
  const claims = acceptedClaims(proposals, dataset);
  return proposals.map((p) => present(p, dataset, claims));
}

export function presentProposal(proposal: ReviewedProposal, dataset: Dataset): ProposalView {
  return present(proposal, dataset, acceptedClaims([proposal], dataset));
}

function present(proposal: ReviewedProposal, dataset: Dataset, claims: Map<string, ResolvedClaim>): ProposalView {
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
  if (proposal.decidedBy !== undefined) view.decidedBy = proposal.decidedBy;
  if (proposal.claimId !== undefined) {
    view.claimId = proposal.claimId;
    const claim = claims.get(proposal.claimId);
    if (claim)
      view.accepted = {
        subject: entityOf(proposal, claim.subject, dataset),
        object: entityOf(proposal, claim.object, dataset),
      };
  }
  return view;
}
