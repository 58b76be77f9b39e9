/**
 * The types of the key/value service that the tests and your Lab 2 and Lab 4 code share (Go's
 * {@code kvsrv1/rpc}, {@code kvtest.IKVClerk}, {@code tester.Clnt} as the interface {@link
 * kvapi.Clnt}, and {@code rsm.StateMachine}). Do not change them: grading uses its own copy.
 */
package kvapi;
