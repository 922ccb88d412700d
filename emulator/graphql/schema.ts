// The emulated slice of Magento's GraphQL schema (CustomerGraphQl, StoreGraphQl etc/schema.graphqls):
// what the reset flow and its neighbours touch. graphql-js parses and validates against it.
import { buildSchema } from 'graphql';

export const SCHEMA_SDL = /* GraphQL */ `
  type Query {
    "The signed-in customer."
    customer: Customer
    "The store's configuration."
    storeConfig: StoreConfig
  }

  type Mutation {
    "Mails a reset link to the customer (the email_reset template)."
    requestPasswordResetEmail(email: String!): Boolean
    "Sets a new password with the token from the reset mail."
    resetPassword(email: String!, resetPasswordToken: String!, newPassword: String!): Boolean
    "Signs in; the token is the bearer for the customer's own queries."
    generateCustomerToken(email: String!, password: String!): CustomerToken
    "Revokes every token of the signed-in customer."
    revokeCustomerToken: RevokeCustomerTokenOutput
    "Changes the signed-in customer's password."
    changeCustomerPassword(currentPassword: String!, newPassword: String!): Customer
    "Creates an account (the older input type); both inputs hold only the fields the slice sends."
    createCustomer(input: CustomerInput!): CustomerOutput
    "Creates an account."
    createCustomerV2(input: CustomerCreateInput!): CustomerOutput
  }

  input CustomerInput {
    email: String
    firstname: String
    lastname: String
    password: String
  }

  input CustomerCreateInput {
    email: String!
    firstname: String!
    lastname: String!
    password: String
  }

  type CustomerOutput {
    customer: Customer!
  }

  type Customer {
    email: String
    firstname: String
    lastname: String
    middlename: String
    prefix: String
    suffix: String
  }

  type CustomerToken {
    token: String
  }

  type RevokeCustomerTokenOutput {
    result: Boolean!
  }

  type StoreConfig {
    store_code: ID
  }
`;

export const SCHEMA = buildSchema(SCHEMA_SDL);
