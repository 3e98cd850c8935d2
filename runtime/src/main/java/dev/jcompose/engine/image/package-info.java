/**
 * Images: references and digests ({@code .ref}), OCI/Docker manifest records ({@code .manifest}),
 * the content-addressed store ({@code .store}), the layer unpacker ({@code .unpack}) and the
 * registry client and puller ({@code .registry}). Dependencies point one way:
 * ref ← manifest ← unpack ← store ← registry. This package holds only the shared error type.
 */
package dev.jcompose.engine.image;
