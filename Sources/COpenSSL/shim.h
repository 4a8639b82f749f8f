#ifndef SFSTREAM_COPENSSL_SHIM_H
#define SFSTREAM_COPENSSL_SHIM_H

/* SHA256_Init, SHA256_Update and SHA256_Final are deprecated in OpenSSL 3.0 in favour of EVP, but
   still exported by libcrypto 3. Element and chunk ids hash one short text each, and the EVP
   context set-up and provider dispatch cost more than hashing such a text. */
#define OPENSSL_SUPPRESS_DEPRECATED

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/ui.h>
#include <openssl/decoder.h>
#include <openssl/core_names.h>

#endif
