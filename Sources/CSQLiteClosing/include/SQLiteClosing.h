#ifndef GAZETTE_SQLITE_CLOSING_H
#define GAZETTE_SQLITE_CLOSING_H

struct sqlite3;

/* Keeps the connection `db`, when it closes as its file's last, from folding the write-ahead
   log into the file (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE): for a state file another program
   emptied or overwrote, which must be left as it was found. sqlite3_db_config is variadic,
   which Swift cannot call, hence this C module. Returns SQLite's result code. */
int gazette_sqlite_no_checkpoint_on_close(struct sqlite3 *db);

#endif
