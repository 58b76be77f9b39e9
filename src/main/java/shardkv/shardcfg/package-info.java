/**
 * The configuration of the sharded key/value service (Go's {@code shardkv1/shardcfg}): {@link
 * shardkv.shardcfg.ShardCfg} holds the constants and {@code key2Shard}, {@link
 * shardkv.shardcfg.ShardConfig} a configuration with its balancing ({@code joinBalance}, {@code
 * leaveBalance}), its JSON form and {@code checkConfig}. Given code: do not change it; grading uses
 * its own copy.
 */
package shardkv.shardcfg;
