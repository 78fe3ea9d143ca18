// The UI's typed doorway to the Rust side: the generated commands, with
// failures turned into ApiError so every view handles them the same way.
import { commands } from './bindings';
import type { Channel } from '@tauri-apps/api/core';
import type {
  ClaimEdit,
  ClaimFilter,
  ClaimFromDifference,
  DraftRequest,
  ImportFrom,
  NewClaim,
  NewEvidenceAt,
  NewSource,
  Progress,
  ReportRequest,
  SearchRequest,
  SourceDetails,
  SourceRef,
  WorkspaceSettings,
  WorkspaceQuotesRequest,
  ClaimFromStatement,
  TimelineRequest,
  SyncSettings,
  SyncStatus,
} from './bindings';
import { unwrap } from './apiError';

export type * from './bindings';

export const api = {
  status: () => commands.workspaceStatus(),
  createWorkspace: (path: string) => unwrap(commands.workspaceCreate(path)),
  openWorkspace: (path: string) => unwrap(commands.workspaceOpen(path)),
  fillSample: () => unwrap(commands.workspaceFillSample()),
  scale: () => unwrap(commands.scaleList()),
  claims: (filter: ClaimFilter) => unwrap(commands.claimList(filter)),
  tags: () => unwrap(commands.claimTags()),
  addClaim: (c: NewClaim) => unwrap(commands.claimAdd(c)),
  claim: (id: string) => unwrap(commands.claimDetail(id)),
  editClaim: (id: string, edit: ClaimEdit) => unwrap(commands.claimEdit(id, edit, null)),
  setVerdict: (id: string, verdict: string, rationale: string | null) =>
    unwrap(commands.claimSetVerdict(id, verdict, rationale, null)),
  tagClaim: (id: string, add: string[], remove: string[]) => unwrap(commands.claimTag(id, add, remove)),
  history: (id: string) => unwrap(commands.claimHistory(id)),
  deleteClaim: (id: string) => unwrap(commands.claimDelete(id)),
  settings: () => unwrap(commands.settingsGet()),
  saveSettings: (s: WorkspaceSettings) => unwrap(commands.settingsSave(s)),
  restoreClaim: (id: string) => unwrap(commands.claimRestore(id)),
  removeEvidence: (id: string) => unwrap(commands.evidenceRemove(id)),
  restoreEvidence: (id: string) => unwrap(commands.evidenceRestore(id)),
  sources: () => unwrap(commands.sourceList()),
  addSource: (s: NewSource) => unwrap(commands.sourceAdd(s)),
  addSourceFromUrl: (url: string) => unwrap(commands.addSourceFromUrl(url)),
  addSourceFromFile: (path: string) => unwrap(commands.addSourceFromFile(path)),
  sourceVersion: (id: string, n: number | null = null) => unwrap(commands.sourceVersion(id, n)),
  editSourceDetails: (id: string, details: SourceDetails) => unwrap(commands.sourceEditDetails(id, details)),
  restoreSourceDetails: (id: string, previous: SourceDetails, saved: SourceDetails) =>
    unwrap(commands.sourceRestoreDetails(id, previous, saved)),
  importSources: (from: ImportFrom, progress: Channel<Progress>) => unwrap(commands.importSources(from, progress)),
  stopImport: () => commands.importStop(),
  addEvidence: (e: NewEvidenceAt) => unwrap(commands.evidenceAdd(e)),
  reportFormats: () => commands.reportFormats(),
  previewReport: (r: ReportRequest) => unwrap(commands.previewReport(r)),
  saveReport: (r: ReportRequest, path: string) => unwrap(commands.saveReport(r, path)),
  compareOutlets: (pivot: SourceRef, others: SourceRef[]) => unwrap(commands.compareOutlets(pivot, others)),
  compareVersions: (source: string, old: number | null, newer: number | null) =>
    unwrap(commands.compareSourceVersions(source, old, newer)),
  claimDraft: (r: DraftRequest) => unwrap(commands.compareClaimDraft(r)),
  claimFromDifference: (r: ClaimFromDifference) => unwrap(commands.claimFromDifference(r)),
  backupWorkspace: (path: string) => unwrap(commands.workspaceBackup(path)),
  checkWorkspace: () => unwrap(commands.workspaceCheck()),
  search: (r: SearchRequest) => unwrap(commands.searchRun(r)),
  suggestEvidence: (claim: string, limit: number | null = null) => unwrap(commands.evidenceSuggest(claim, limit)),
  quotes: (r: WorkspaceQuotesRequest) => unwrap(commands.quotesList(r)),
  quotesClaimDraft: (r: WorkspaceQuotesRequest, group: number) => unwrap(commands.quotesClaimDraft(r, group)),
  claimFromStatement: (r: ClaimFromStatement) => unwrap(commands.claimFromStatement(r)),
  checkworthy: (source: string, limit: number | null) => unwrap(commands.sourceCheckworthy(source, limit)),
  passageReviews: () => unwrap(commands.passageReviewList()),
  acceptPassage: (evidenceId: string) => unwrap(commands.passageReviewAccept(evidenceId)),
  keepPassage: (evidenceId: string) => unwrap(commands.passageReviewKeep(evidenceId)),
  timeline: (r: TimelineRequest) => unwrap(commands.timelineView(r)),
  pinReading: (source: string, expressionStart: number, date: string) =>
    unwrap(commands.timelinePin(source, expressionStart, date, null)),
  unpinReading: (source: string, expressionStart: number) =>
    unwrap(commands.timelineUnpin(source, expressionStart, null)),
  claimDateOffer: (statement: string, claimedOn: string | null) => commands.claimDateOffer(statement, claimedOn),
  similarClaims: (statement: string, limit: number | null = null) => unwrap(commands.claimSimilar(statement, limit)),
  similarToClaim: (id: string, limit: number | null = null) => unwrap(commands.claimSimilarTo(id, limit)),
  mergeClaim: (duplicate: string, keeper: string, note: string | null) =>
    unwrap(commands.claimMerge(duplicate, keeper, note)),
  unmergeClaim: (duplicate: string) => unwrap(commands.claimUnmerge(duplicate)),
  mergedClaims: (filter: ClaimFilter) => unwrap(commands.claimListMerged(filter)),
  claimPage: (filter: ClaimFilter, limit: number, after: string | null) =>
    unwrap(commands.claimPage(filter, limit, after)),
  claimCount: (filter: ClaimFilter) => unwrap(commands.claimCount(filter)),
  sourceReading: (id: string, n: number | null = null) => unwrap(commands.sourceReading(id, n)),
  syncSettings: () => unwrap(commands.syncSettingsGet()),
  saveSyncSettings: (s: SyncSettings) => unwrap(commands.syncSettingsSave(s)),
  stopSync: () => unwrap(commands.syncStop()),
  syncNow: () => commands.syncNow(),
  watchSync: (onStatus: Channel<SyncStatus>) => commands.syncWatch(onStatus),
  resolveConflict: (id: string) => unwrap(commands.claimResolveConflict(id, null)),
};

/** A NewSource with only the pasted text and its title and outlet. */
export function pastedSource(title: string, outlet: string, text: string): NewSource {
  return {
    title,
    outlet: outlet.trim() || null,
    authors: [],
    url: null,
    canonical_url: null,
    published_on: null,
    modified_on: null,
    language: null,
    text,
    html: null,
    final_url: null,
  };
}
