/**
 * Stage 5, the security statement: the model a reviewer reads (granted items, risks, the trim table, scanner findings) and its Markdown rendering through the default or the user's template.
 */
package dev.privileges.engine.statement;
