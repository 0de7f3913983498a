// mimalloc, Microsoft's allocator (Debian: libmimalloc-dev). Linking its shared library replaces
// malloc and free for the whole process on Linux; sitegen allocates and frees many small objects
// on several threads, where glibc's allocator was about a fifth of the build's CPU time.
#include <mimalloc.h>
