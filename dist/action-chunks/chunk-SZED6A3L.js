import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/github/sticky-comment.ts
async function upsertStickyComment(gh, where, marker, body) {
  if (!body.startsWith(marker)) throw new Error(`upsertStickyComment: the body must start with its marker ${marker}.`);
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.number, per_page: 100 });
  const mine = comments.filter((c) => isMarked(c, marker));
  for (const c of mine.reverse()) {
    if (c.body === body) return { id: c.id, created: false };
    try {
      await gh.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: c.id, body });
      return { id: c.id, created: false };
    } catch (e) {
      const status = e.status;
      if (status !== 403 && status !== 404) throw e;
    }
  }
  const res = await gh.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.number, body });
  return { id: res.data.id, created: true };
}
function isMarked(c, marker) {
  return c.user?.type === "Bot" && (c.body ?? "").startsWith(marker);
}

export {
  upsertStickyComment,
  isMarked
};
