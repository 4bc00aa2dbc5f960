/** A start-up failure whose message is meant for the operator as it is (Chinese, with file and line). */
export class StartError extends Error {
  override name = 'StartError'
}
