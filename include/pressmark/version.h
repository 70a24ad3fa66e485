/* version.h - the version the binary and the RPC handshake report. */
#ifndef PRESSMARK_VERSION_H
#define PRESSMARK_VERSION_H

#define PM_VERSION "0.1.0"
/* Bumped when an RPC method changes incompatibly; the plugin checks it. */
#define PM_API_LEVEL 1

#endif
