/* A stand-in for Windows' bcryptprimitives.dll, for running Hojo's Windows build under Wine in the tests only.
 * Rust's standard library gets its random numbers (HashMap keys, temporary file names) from ProcessPrng, which
 * Windows 10 and later export from bcryptprimitives.dll and Wine 8 does not. This answers with RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. Built from this file by scripts/test.d/70-windows.sh into a
 * temporary folder beside the test's copy of hojo.exe; never committed as a binary, never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
