-- Each document's sorted shingle set (8 bytes a shingle), so that confirming a candidate
-- reads it instead of re-shingling the document's text; null for documents registered
-- before, which are shingled from their text as before.
alter table document_sketch add column shingles bytea;
