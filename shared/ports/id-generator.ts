/** Makes UUIDv7 identities where rows are born (time-ordered, so they index well). Never fails; never repeats. */
export interface IdGenerator {
  newId(): string;
}
