-- "Every comment in this tab" moves only comments that were in the tab, as they are, when the admin's
-- page was drawn: one that entered it since (hidden there by a ban, moved by another moderator,
-- sent back by its author's edit) is left for the admin to see. Comments written before this was
-- kept have no time and count as unchanged since.
ALTER TABLE "Comment" ADD COLUMN "changedAt" DATETIME;
