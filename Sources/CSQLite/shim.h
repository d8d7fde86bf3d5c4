#ifndef DSBENCH_CSQLITE_SHIM_H
#define DSBENCH_CSQLITE_SHIM_H
#include <sqlite3.h>

/// Variadic sqlite3_config is not importable into Swift; this wrapper is.
/// Turns off SQLite's global memory statistics: with them on, every allocation takes a global mutex, which
/// showed as 7% of an import. Must run before the library initialises; later calls fail harmlessly.
static inline int dsbench_sqlite3_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
