/**
 * Stage 7, output: files written atomically, only when their bytes change, with the process's umask.
 */
package dev.privileges.engine.output;
