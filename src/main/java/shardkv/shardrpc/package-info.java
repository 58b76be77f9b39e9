/**
 * The RPC argument and reply types of a shard group's shard-moving handlers (Go's {@code
 * shardkv1/shardgrp/shardrpc}): {@code KVServer.freezeShard}, {@code KVServer.installShard} and
 * {@code KVServer.deleteShard}. Get and Put use {@code kvapi}'s types. Given code: do not change
 * it; grading uses its own copy. The fields are Go's; {@code num} is a configuration number.
 */
package shardkv.shardrpc;
