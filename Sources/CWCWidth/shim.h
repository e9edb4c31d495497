// The C library's display-width table (wcwidth, glibc's maintained Unicode data).
// Swift's Glibc module does not expose wcwidth, so it is declared here.
#ifndef SWARMTOP_CWCWIDTH_SHIM_H
#define SWARMTOP_CWCWIDTH_SHIM_H
#include <wchar.h>
#include <locale.h>
int wcwidth(wchar_t c);
#endif
