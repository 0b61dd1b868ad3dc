// Exposes fts(3), which Swift's Glibc module does not import, to the collection scanner.
#include <sys/types.h>
#include <sys/stat.h>
#include <fts.h>
