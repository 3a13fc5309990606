/**
 * The admin write API over HTTP: strict request reading, problem+json errors, ETags. Controllers validate and send
 * commands; they hold no domain rule.
 */
package dev.keyledger.command.web;
