/**
 * One class per noun of {@code keyledger <noun> <verb>} (API.md §5), its verbs as methods; each verb is one or a few
 * calls of the admin API and nothing the API does not offer.
 */
package dev.keyledger.cli.commands;
