#ifndef SFSTREAM_COPENSSL_SHIM_H
#define SFSTREAM_COPENSSL_SHIM_H

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
