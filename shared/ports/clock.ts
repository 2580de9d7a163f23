/** The wall clock, passed in so domain rules and services can be tested at any moment. Never fails. */
export interface Clock {
  now(): Date;
}
